import { singleWriteUpdateOperation } from '../../../shared/execution/operations';
import { compareRetell, retellUpdateBody, updateFieldsProperty } from '../../descriptions/updateFields';
import { retell } from '../../provider';

/** One PATCH; Retell answers it with the number as it now is. The auth password is write-only. */
export const { description, execute } = singleWriteUpdateOperation(retell, {
	fields: updateFieldsProperty,
	method: 'PATCH',
	bodyOf: retellUpdateBody,
	compare: compareRetell,
	writeOnly: { keys: ['authPassword'], api: ['auth_password'] },
});
