/** Parsers for command-line option values: a bad value is a one-line usage error from commander. */
import { InvalidArgumentError } from 'commander';
import { PASSAGE_KINDS, type PassageKind } from '../model/passage-kind';

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new InvalidArgumentError('must be a whole number from 1 to 10000');
  return n;
}

export function kinds(value: string): PassageKind[] {
  const list = value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = list.filter((k) => !PASSAGE_KINDS.includes(k as PassageKind));
  if (list.length === 0 || unknown.length > 0)
    throw new InvalidArgumentError(`use one or more of ${PASSAGE_KINDS.join(', ')}, separated by commas`);
  return [...new Set(list)] as PassageKind[];
}

export function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return n;
}
