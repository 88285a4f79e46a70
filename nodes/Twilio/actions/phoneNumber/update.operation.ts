import { singleWriteUpdateOperation } from '../../../shared/execution/operations';
import { compareByTable } from '../../../shared/execution/updateOptions';
import { routingProperties, TWILIO_FIELDS, twilioUpdateBody, updateFieldsProperty } from '../../descriptions/updateFields';
import { twilio } from '../../provider';

/** Twilio updates with a form-encoded POST; it answers with the number as it now is. */
export const { description, execute } = singleWriteUpdateOperation(twilio, {
	fields: updateFieldsProperty,
	properties: routingProperties,
	method: 'POST',
	form: true,
	bodyOf: twilioUpdateBody,
	// Twilio takes PascalCase parameters and answers in snake_case.
	compare: (keys, body, number) => compareByTable(keys, TWILIO_FIELDS, body, number, snakeCaseOf),
});

function snakeCaseOf(row: { api: string }): string {
	return row.api.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase();
}
