#!/bin/sh
# Scores the held-out phrasings in eval/phrasings/ (kept out of the tests) against each council's
# papers. Run from the project root with Node 22 on the PATH. Extra arguments
# (--verbose, --strict-quotes) go to every score.mjs run.
# The bot is run through tsx directly, so no npm script is needed.
set -u
SHARED=${SHARED:-../shared}
ASK="node --import tsx src/cli/ask.ts --jsonl"
for council in wolverhampton kingston bristol manchester souldern ayton; do
  if [ "$council" = wolverhampton ]; then
    papers=data/papers; corpus=$SHARED/papers
  else
    papers=$SHARED/councils/$council/papers; corpus=$SHARED/councils/$council/reference
  fi
  echo "== $council"
  node "$SHARED/eval/score.mjs" --qa "eval/phrasings/$council.json" --corpus "$corpus" \
    --cmd "$ASK --dir $papers" "$@" | grep -E '^(FAIL|     |score|citations quoted)' 
done
