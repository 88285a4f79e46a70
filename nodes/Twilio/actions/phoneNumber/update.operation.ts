import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pick, updateFields } from '../../../shared/execution/parameters';
import type { ItemRun } from '../../../shared/execution/runItems';
import { compareByTable, readUpdateOptions, runUpdatePlan } from '../../../shared/execution/updateOptions';
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

export async function execute(this: IExecuteFunctions, itemIndex: number, connection: TwilioConnection, run: ItemRun): Promise<IDataObject> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const fields = updateFields(this, itemIndex);
	const bodyOf = (keys: string[]) => {
		const body = buildUpdateBody(pick(fields, keys), TWILIO_FIELDS, check);
		if (body.VoiceApplicationSid && body.TrunkSid) {
			// Twilio clears one when the other is set: both in one update cannot mean anything.
			check.fail(TWILIO_FIELDS.trunkSid.label, `cannot be set together with ${TWILIO_FIELDS.voiceApplicationSid.label}`, 'A SIP trunk takes the calls instead of a TwiML app: choose one of the two.');
		}
		return body;
	};
	const keys = Object.keys(fields);
	bodyOf(keys);
	const options = readUpdateOptions(this, itemIndex);
	const sid = await resolveNumberSid(this, connection, itemIndex);
	const path = `/IncomingPhoneNumbers/${pathSegment(this.getNode(), sid, 'Phone Number', itemIndex)}.json`;
	const resource = `phone number ${sid}`;
	const read = async () => await connection.api.requestObject<IDataObject>({ method: 'GET', path, itemIndex, resource });
	return await runUpdatePlan(
		{
			keys,
			read,
			// Twilio takes PascalCase parameters and answers in snake_case.
			compare: (number) => compareByTable(keys, TWILIO_FIELDS, bodyOf(keys), number, (row) => row.api.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase()),
			requests: (chosen) => [{ method: 'POST', path: connection.api.pathOf(path), body: bodyOf(chosen) }],
			// Twilio updates with a form-encoded POST; it answers with the number as it now is.
			send: async (chosen) =>
				await writeAndRead(connection.api, { method: 'POST', path, body: bodyOf(chosen), form: true, idempotent: true, itemIndex, resource }, read),
		},
		options,
		{ run, id: sid },
	);
}
