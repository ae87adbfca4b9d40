import { describe, expect, it } from 'vitest';
import { redactText } from '../../../src/recording/redact-text.ts';

describe('redactText: JSON short escapes', () => {
  // RFC 8259 section 7: a serializer writes backspace, form feed, newline, carriage return and tab as \b \f \n \r \t.
  it.each([
    ['a newline', 'line1\nline2', '{"m":"line1\\nline2"}'],
    ['a tab', 'tab\there!', '{"m":"tab\\there!"}'],
    ['carriage return, backspace and form feed', 'cr\rlf\b\f', '{"m":"cr\\rlf\\b\\f"}'],
    ['a newline, JSON-escaped twice', 'line1\nline2', '{"m":"line1\\\\nline2"}'],
  ])('removes a secret holding %s as a JSON serializer escapes it', (_what, secret, text) => {
    expect(redactText(text, [secret])).toEqual({ text: '{"m":"[redacted]"}', replaced: true });
  });
});
