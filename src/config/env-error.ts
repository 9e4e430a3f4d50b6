/**
 * The environment is missing or holds a bad variable: one line per problem. Its own module, so
 * the CLI can tell it apart without loading the environment's schema (`centric lint` never reads it).
 */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'EnvError';
  }
}
