/**
 * A full collection now, when the process runs with `--expose-gc` (as `npm start` does); nothing otherwise.
 * For the few places that know a large amount of memory has just become garbage and the process should
 * give it back before going on, rather than when V8 next decides to.
 */
export const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();
