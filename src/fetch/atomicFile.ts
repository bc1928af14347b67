// The fetcher writes papers with the same durable writer as every state file.
export { writeFileAtomic } from '../state/writeFileAtomic';
