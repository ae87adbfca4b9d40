import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonReporter, renderJson } from '../../../reporters/json.ts';
import { sampleSummary } from './sample-summary.ts';

const schema: unknown = JSON.parse(
  readFileSync(new URL('../../../reporters/json-report.schema.json', import.meta.url), 'utf8'),
);

function compileSchema() {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema as object);
}

describe('renderJson', () => {
  const validate = compileSchema();

  it('produces a report that validates against json-report.schema.json', () => {
    const report: unknown = JSON.parse(renderJson(sampleSummary));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has a schema that rejects a report missing a required field', () => {
    const { totals: _dropped, ...withoutTotals } = sampleSummary;
    expect(validate(withoutTotals)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: 'required', params: { missingProperty: 'totals' } }));
  });

  it('has a schema that rejects unknown fields and an unknown schemaVersion', () => {
    expect(validate({ ...sampleSummary, extra: true })).toBe(false);
    expect(validate({ ...sampleSummary, schemaVersion: 2 })).toBe(false);
  });

  it('is stable, two-space indented and ends with exactly one newline', () => {
    const text = renderJson(sampleSummary);
    expect(text).toBe(renderJson(structuredClone(sampleSummary)));
    expect(text.startsWith('{\n  "schemaVersion": 1,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('drops properties that are not part of the report shape', () => {
    const leaky = { ...sampleSummary, secret: 'hunter2' } as typeof sampleSummary;
    expect(renderJson(leaky)).not.toContain('hunter2');
  });

  it('sorts the keys of free-form violation params', () => {
    const text = renderJson(sampleSummary);
    expect(text.indexOf('"allowedValues"')).toBeLessThan(text.indexOf('"received"'));
  });
});

describe('createJsonReporter', () => {
  let dir = '';
  afterEach(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('writes the report to the path at run end, creating the directory', async () => {
    dir = await mkdtemp(join(tmpdir(), 'json-reporter-'));
    const path = join(dir, 'out', 'report.json');
    const reporter = createJsonReporter({ path, color: false, stdout: { write: () => true } });
    await reporter.onRunEnd?.(sampleSummary);
    expect(await readFile(path, 'utf8')).toBe(renderJson(sampleSummary));
  });

  it('writes the report to stdout when no path is given', async () => {
    const chunks: string[] = [];
    const reporter = createJsonReporter({ color: false, stdout: { write: (c: string) => chunks.push(c) } });
    await reporter.onRunEnd?.(sampleSummary);
    expect(chunks.join('')).toBe(renderJson(sampleSummary));
  });
});
