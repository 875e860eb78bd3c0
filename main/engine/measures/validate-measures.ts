import { createRequire } from 'node:module';
import type AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../resources/measures/measures.schema.json' with { type: 'json' };
import { validateCalendar } from '../analysis/index.ts';
import { InputError } from '../errors.ts';
import { jsonValueOffsets, lineOfPointer } from './json-location.ts';
import {
  CHARTS_OF_BLOCK,
  DURATION_UNITS,
  MEASURES_SCHEMA_VERSION,
  UNIT_OF_BLOCK,
  type Measure,
  type MeasuresFile,
} from './measure-types.ts';

/**
 * Checks a measurement schema (the shipped default, or a workspace's hand-edited copy) against
 * `resources/measures/measures.schema.json` with ajv, then the rules JSON Schema cannot say
 * plainly (unique names, a unit and charts that fit the block). Problems are reported in the
 * user's words: which measure, which field, what is wrong, on which line.
 */

export interface MeasuresSource {
  /** The file name as the user knows it. */
  file?: string;
  /** The file's text, to point at the line of a problem. */
  text?: string;
  /** What the user can do to get a good file back. */
  restoreHint?: string;
}

interface Problem {
  pointer: string;
  message: string;
}

let compiled: ValidateFunction | null = null;

function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  // ajv is required on first validation, not imported at start-up: loading it costs about as
  // much as the rest of a command's start, and most commands never read the measures. It is
  // CommonJS with `exports.default`, so a synchronous require keeps validateMeasures synchronous.
  const ajv = createRequire(import.meta.url)('ajv') as { default?: typeof AjvModule };
  const Ajv = ajv.default ?? (ajv as unknown as typeof AjvModule);
  compiled = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
  }).compile(schema);
  return compiled;
}

export function validateMeasures(data: unknown, source: MeasuresSource = {}): MeasuresFile {
  const validate = schemaValidator();
  const problems = validate(data) ? semanticProblems(data as MeasuresFile) : schemaProblems(validate.errors ?? []);
  if (problems.length === 0) return data as MeasuresFile;
  const described = problems.slice(0, 5).map((p) => `${where(data, p.pointer)}: ${p.message}`);
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  const position = source.text ? lineOfPointer(source.text, problems[0].pointer, jsonValueOffsets(source.text)) : null;
  throw new InputError(
    `The measurement schema has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}${more}: ${described.join('; ')}.`,
    {
      file: source.file,
      ...(position ? { line: position.line } : {}),
      hint: source.restoreHint ?? 'Fix the fields named above; the shipped default is resources/measures/default.json.',
    },
  );
}

/** "measure "cycle_time", field chart.byPeriod" from a JSON pointer. */
function where(data: unknown, pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] === 'measures' && parts.length >= 2) {
    const index = Number(parts[1]);
    const name = (data as { measures?: { name?: unknown }[] }).measures?.[index]?.name;
    const who = typeof name === 'string' && name ? `measure "${name}"` : `measure number ${index + 1}`;
    return parts.length > 2 ? `${who}, field ${fieldPath(parts.slice(2))}` : who;
  }
  return parts.length ? `field ${fieldPath(parts)}` : 'the file';
}

function fieldPath(parts: string[]): string {
  return parts.reduce((path, p) => (/^\d+$/.test(p) ? `${path}[${p}]` : path ? `${path}.${p}` : p), '');
}

function schemaProblems(errors: ErrorObject[]): Problem[] {
  // Errors inside the branches of anyOf/oneOf describe forms the user did not mean; the
  // anyOf/oneOf error itself says which forms are allowed. "if" only echoes its "then".
  const kept = errors.filter((e) => !/\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath) && e.keyword !== 'if');
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of kept) {
    const problem = plainProblem(e);
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}

function plainProblem(e: ErrorObject): Problem {
  const found = e.data === undefined ? '' : `; found ${JSON.stringify(e.data)}`;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { pointer: e.instancePath, message: `the field "${String(params.missingProperty)}" is missing` };
    case 'additionalProperties': {
      const allowed = Object.keys((e.parentSchema?.properties as object | undefined) ?? {});
      return {
        pointer: `${e.instancePath}/${String(params.additionalProperty)}`,
        message: `unknown field "${String(params.additionalProperty)}"${allowed.length ? ` (allowed here: ${allowed.join(', ')})` : ''}`,
      };
    }
    case 'enum':
      return {
        pointer: e.instancePath,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${found}`,
      };
    case 'const':
      if (e.instancePath === '/schemaVersion') {
        return {
          pointer: e.instancePath,
          message: `this Gemba reads schema version ${MEASURES_SCHEMA_VERSION}${found}`,
        };
      }
      return { pointer: e.instancePath, message: `must be ${JSON.stringify(params.allowedValue)}${found}` };
    case 'type':
      return { pointer: e.instancePath, message: `must be ${article(String(params.type))}${found}` };
    case 'minItems':
      return {
        pointer: e.instancePath,
        message: `must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`,
      };
    case 'minLength':
      return { pointer: e.instancePath, message: 'must not be empty' };
    case 'pattern':
      return {
        pointer: e.instancePath,
        message: `must be ${String(e.parentSchema?.description ?? `text matching ${String(params.pattern)}`)}${found}`,
      };
    case 'anyOf':
    case 'oneOf':
      return {
        pointer: e.instancePath,
        message: `must be ${String(e.parentSchema?.description ?? 'one of the allowed forms')}${found}`,
      };
    default:
      return { pointer: e.instancePath, message: `${e.message ?? 'is not allowed'}${found}` };
  }
}

function article(type: string): string {
  const word = type.replace(/,/g, ' or ');
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** Rules the JSON Schema does not express in words a user understands. */
function semanticProblems(file: MeasuresFile): Problem[] {
  const problems: Problem[] = [];
  const names = new Map<string, number>();
  file.measures.forEach((m, k) => {
    const at = `/measures/${k}`;
    const first = names.get(m.name);
    if (first !== undefined)
      problems.push({
        pointer: `${at}/name`,
        message: `the name is already used by measure number ${first + 1}; names must be unique`,
      });
    else names.set(m.name, k);
    const unit = expectedUnits(m);
    if (!unit.includes(m.unit))
      problems.push({
        pointer: `${at}/unit`,
        message: `a ${m.definition.block} measure is in ${unit.map((u) => `"${u}"`).join(' or ')}, not "${m.unit}"`,
      });
    const fits = CHARTS_OF_BLOCK[m.definition.block];
    const charts: [string, string | undefined][] = [
      ['byPeriod', m.chart.byPeriod],
      ['byUnit', m.chart.byUnit],
      ...(m.chart.alternatives ?? []).map((c, i): [string, string] => [`alternatives/${i}`, c]),
    ];
    for (const [field, chart] of charts) {
      if (chart === undefined) continue;
      if (!fits.includes(chart as never)) {
        problems.push({
          pointer: `${at}/chart/${field}`,
          message: `a ${m.definition.block} measure (per ${UNIT_OF_BLOCK[m.definition.block]}) is charted with ${fits.join(', ')}, not "${chart}"`,
        });
      }
    }
    if (m.chart.byUnit !== undefined && UNIT_OF_BLOCK[m.definition.block] === 'period') {
      problems.push({
        pointer: `${at}/chart/byUnit`,
        message: 'this measure has one value per period; leave out byUnit',
      });
    }
  });
  const calendar = file.parameters.slaCalendar;
  if (calendar) {
    try {
      validateCalendar(calendar);
    } catch (error) {
      problems.push({ pointer: '/parameters/slaCalendar', message: (error as Error).message });
    }
  }
  return problems;
}

function expectedUnits(m: Measure): readonly string[] {
  switch (m.definition.block) {
    case 'case_share':
      return ['share'];
    case 'cases_completed':
      return ['cases'];
    case 'event_count':
      return ['events per case'];
    default:
      return DURATION_UNITS;
  }
}
