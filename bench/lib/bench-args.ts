/** The command line of a bench script: `--name value` options and bare `--switch` flags. */
export function benchArgs(argv: readonly string[] = process.argv.slice(2)) {
  return {
    flag: (name: string): boolean => argv.includes(name),
    option: (name: string, fallback: string): string => {
      const i = argv.indexOf(name);
      return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
    },
  };
}
