// Build step (`npm run build`): the article schema compiled ahead of time into a
// standalone ajv module, so that no thread spends its start-up compiling it.
// validate.ts loads it only while its first line matches the schemas' hash.
import { writeFileSync } from 'node:fs';
import * as standalone from 'ajv/dist/standalone/index.js';
import { compileValidator, PRECOMPILED } from '../validate.js';

const { ajv, validate, hash } = compileValidator(false, true);
// (a CommonJS module: its default export arrives as .default)
const code = (standalone as unknown as { default: (ajv: unknown, v: unknown) => string }).default;
writeFileSync(PRECOMPILED, `// schemas ${hash}\n${code(ajv, validate)}`);
