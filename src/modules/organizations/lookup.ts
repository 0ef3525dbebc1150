import { BadUserInputError } from '../../errors';
import type { QueryOrganizationArgs } from '../../generated/graphql';
import { expectGlobalId } from '../node/global-id';
import { creditCodeProblem } from './credit-code';

/** Which organization `organization(id:, creditCode:)` asks for; exactly one key, and a well-formed one. */
export function organizationLookup(args: QueryOrganizationArgs): { id: string } | { creditCode: string } {
  const { id, creditCode } = args;
  if ((id == null) === (creditCode == null)) throw new BadUserInputError('id', 'give exactly one of id and creditCode');
  if (id != null) return { id: expectGlobalId(id, 'Organization', 'id') };
  const problem = creditCodeProblem(creditCode!);
  if (problem) throw new BadUserInputError('creditCode', problem);
  return { creditCode: creditCode! };
}
