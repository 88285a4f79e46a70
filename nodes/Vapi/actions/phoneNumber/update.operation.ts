import { singleWriteUpdateOperation } from '../../../shared/execution/operations';
import { compareVapi, updateFieldsProperty, vapiTogether, vapiUpdateBody } from '../../descriptions/updateFields';
import { vapi } from '../../provider';

/** One PATCH; Vapi answers it with the number as it now is. */
export const { description, execute } = singleWriteUpdateOperation(vapi, {
	fields: updateFieldsProperty,
	method: 'PATCH',
	bodyOf: vapiUpdateBody,
	compare: compareVapi,
	together: vapiTogether,
});
