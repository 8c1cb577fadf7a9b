// One schema step: a number (never reused) and the statements that take the schema to it.
export interface Migration {
  version: number;
  statements: readonly string[];
}
