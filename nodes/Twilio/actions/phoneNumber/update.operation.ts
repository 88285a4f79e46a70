import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateFields } from '../../../shared/execution/parameters';
import { buildUpdateBody } from '../../../shared/execution/updateBody';
import { writeAndRead } from '../../../shared/execution/writes';
import { pathSegment } from '../../../shared/transport/paths';
import { InputValidator } from '../../../shared/validation';
import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { routingProperties, TWILIO_FIELDS, updateFieldsProperty } from '../../descriptions/updateFields';
import { resolveNumberSid, type TwilioConnection } from '../../transport';

const show = { resource: ['phoneNumber'], operation: ['update'] };

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show } },
	...routingProperties,
	{ ...updateFieldsProperty, displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number, connection: TwilioConnection): Promise<IDataObject> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const fields = updateFields(this, itemIndex);
	const body = buildUpdateBody(fields, TWILIO_FIELDS, check);
	if (body.VoiceApplicationSid && body.TrunkSid) {
		// Twilio clears one when the other is set: both in one update cannot mean anything.
		check.fail('SIP Trunk Name or ID', 'cannot be set together with Voice TwiML App Name or ID', 'A SIP trunk takes the calls instead of a TwiML app: choose one of the two.');
	}
	const sid = await resolveNumberSid(this, connection, itemIndex);
	const path = `/IncomingPhoneNumbers/${pathSegment(this.getNode(), sid, 'Phone Number', itemIndex)}.json`;
	const resource = `phone number ${sid}`;
	// Twilio updates with a form-encoded POST; it answers with the number as it now is.
	return await writeAndRead(
		connection.api,
		{ method: 'POST', path, body, form: true, idempotent: true, itemIndex, resource },
		async () => await connection.api.requestObject<IDataObject>({ method: 'GET', path, itemIndex, resource }),
	);
}
