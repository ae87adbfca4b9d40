import { describe, expect, it } from 'vitest';
import { CONTRACT_LIMITS, scanContractText } from '../../../src/contract/contract-limits.ts';

const deep = (n: number): string => `${'['.repeat(n)}1${']'.repeat(n)}`;

describe('scanContractText', () => {
  it('refuses flow collections nested past the limit after a key, a list dash or inside a flow', () => {
    expect(scanContractText(`a: ${deep(CONTRACT_LIMITS.maxDepth + 1)}\n`)?.rule).toBe('contract-too-deep');
    expect(scanContractText(`- ${deep(CONTRACT_LIMITS.maxDepth + 1)}\n`)?.rule).toBe('contract-too-deep');
    expect(scanContractText(`a: [\n${deep(CONTRACT_LIMITS.maxDepth)}\n]\n`)?.rule).toBe('contract-too-deep');
    expect(scanContractText(`a: ${deep(CONTRACT_LIMITS.maxDepth)}\n`)).toBeUndefined();
  });

  it('counts no bracket inside a plain scalar, even one folded over lines with a quote in it, however often it repeats', () => {
    const description = '  - description: A 422 in the JSON shape ([["name","não está\n      disponível."]], captured on a tax create).\n';
    expect(scanContractText(description.repeat(CONTRACT_LIMITS.maxDepth))).toBeUndefined();
  });
});
