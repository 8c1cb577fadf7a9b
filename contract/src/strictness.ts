// One definition, two parsers: the hub parses strictly (unknown keys are an error), the till
// parses leniently (unknown keys from a newer hub are dropped) but never applies what fails.
import { z } from 'zod';

export type Strictness = 'strict' | 'lenient';

export type ObjectBuilder = <S extends z.ZodRawShape>(shape: S) => z.ZodObject<S>;

export function objectBuilder(strictness: Strictness): ObjectBuilder {
  return <S extends z.ZodRawShape>(shape: S) =>
    (strictness === 'strict' ? z.strictObject(shape) : z.object(shape)) as unknown as z.ZodObject<S>;
}
