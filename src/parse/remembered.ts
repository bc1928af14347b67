/**
 * `read` remembered for the last `size` texts it was given: for pure readings of a name that a decade's
 * papers repeat thousands of times (one committee's name on every meeting, agenda and minute), which a
 * restart from the snapshot and every question otherwise work out again. Past `size` the memory starts
 * again, so a folder of many names cannot grow it.
 */
export function remembered<T>(read: (text: string) => T, size = 10_000): (text: string) => T {
  const memory = new Map<string, T>();
  return (text) => {
    const known = memory.get(text);
    if (known !== undefined || memory.has(text)) return known as T;
    const value = read(text);
    if (memory.size >= size) memory.clear();
    memory.set(text, value);
    return value;
  };
}
