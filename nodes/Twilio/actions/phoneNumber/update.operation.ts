import { singleWriteUpdateOperation } from '../../../shared/execution/operations';
import { compareByTable } from '../../../shared/execution/updateOptions';
import { answeredAt, routingProperties, TWILIO_FIELDS, twilioUpdateBody, updateFieldsProperty } from '../../descriptions/updateFields';
import { twilio } from '../../provider';

/** Twilio updates with a form-encoded POST; it answers with the number as it now is. */
export const { description, execute } = singleWriteUpdateOperation(twilio, {
	fields: updateFieldsProperty,
	properties: routingProperties,
	method: 'POST',
	form: true,
	bodyOf: twilioUpdateBody,
	compare: (keys, body, number) => compareByTable(keys, TWILIO_FIELDS, body, number, answeredAt),
});
