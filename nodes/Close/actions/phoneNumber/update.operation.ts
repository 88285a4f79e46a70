import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationFields } from '../../../shared/execution/operations';
import { updateFields } from '../../../shared/execution/parameters';
import type { Connection } from '../../../shared/execution/provider';
import { readUpdateOptions, runUpdatePlan } from '../../../shared/execution/updateOptions';
import type { ItemRun } from '../../../shared/execution/runItems';
import { buildUpdateBody } from '../../../shared/execution/updateBody';
import { writeAndRead } from '../../../shared/execution/writes';
import { InputValidator } from '../../../shared/validation';
import { CLOSE_FIELDS, updateFieldsProperty } from '../../descriptions/updateFields';
import { close } from '../../provider';

export const MEMBERSHIP_MODES = ['replace', 'add', 'remove'] as const;

export const description = operationFields('update', [
	close.locator,
	{
		displayName: 'Membership Changes',
		name: 'membershipMode',
		type: 'options',
		options: [
			{
				name: 'Replace the Lists',
				value: 'replace',
				description: 'The group number rings exactly the participants and phone numbers set below',
			},
			{
				name: 'Add to the Lists',
				value: 'add',
				description:
					'Reads the number, then adds the participants and phone numbers set below; those already there stay as they are',
			},
			{
				name: 'Remove From the Lists',
				value: 'remove',
				description:
					'Reads the number, then removes the participants and phone numbers set below; those not there are ignored',
			},
		],
		default: 'replace',
		description:
			"How Participants and Phone Numbers under Update Fields change a group number's lists. Close only takes whole lists, so Add and Remove read the number first.",
	},
	updateFieldsProperty,
]);

/** Close's update body, in snake_case, from exactly the fields the user added. */
export function closeUpdateBody(fields: IDataObject, check: InputValidator): IDataObject {
	return buildUpdateBody(fields, CLOSE_FIELDS, check);
}

/** Replace mode with an empty list would leave a ring group without members: refused. */
function refuseEmptyLists(body: IDataObject, check: InputValidator): void {
	for (const { api: key, label: field } of [CLOSE_FIELDS.participants, CLOSE_FIELDS.phoneNumbers]) {
		if (Array.isArray(body[key]) && (body[key] as unknown[]).length === 0) {
			check.fail(
				field,
				'empty: nothing was changed',
				`An empty list would remove every member of the number. Choose the members it should have, or set Membership Changes to "Remove From the Lists" to take some away; remove ${field} from Update Fields to leave the list as it is.`,
			);
		}
	}
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	connection: Connection,
	run: ItemRun,
): Promise<IDataObject> {
	const { client } = connection;
	const check = new InputValidator(this.getNode(), itemIndex);
	const fields = updateFields(this, itemIndex);
	const keys = Object.keys(fields);
	const body = closeUpdateBody(fields, check);
	const mode = check.oneOf('Membership Changes', this.getNodeParameter('membershipMode', itemIndex, 'replace'), MEMBERSHIP_MODES);
	const membership = mode !== 'replace' && ('participants' in body || 'phone_numbers' in body);
	if (!membership) refuseEmptyLists(body, check);
	const options = readUpdateOptions(this, itemIndex);
	// After the fields are checked: By Number looks the number up, and bad input sends nothing.
	const { id, path, resource } = await close.locate(this, connection, itemIndex);
	const readNumber = async () => await client.requestObject<IDataObject>({ method: 'GET', path, itemIndex, resource });
	const bodyOf = (chosen: string[]) => {
		const part: IDataObject = {};
		for (const key of chosen) if (CLOSE_FIELDS[key].api in body) part[CLOSE_FIELDS[key].api] = body[CLOSE_FIELDS[key].api];
		return part;
	};
	const plan = {
		keys,
		read: readNumber,
		compare: (number: IDataObject) => {
			// Add and Remove: the whole lists Close takes, from what the number has now.
			if (membership) applyMembership(body, number, mode as 'add' | 'remove');
			return keys.map((key) => {
				const api = CLOSE_FIELDS[key].api;
				// A list that Add or Remove leaves as it is stays out of the body: it is unchanged.
				return { field: key, before: number[api], after: api in body ? body[api] : number[api] };
			});
		},
		requests: (chosen: string[]) => (Object.keys(bodyOf(chosen)).length > 0 ? [{ method: 'PUT', path: client.pathOf(path), body: bodyOf(chosen) }] : []),
		send: async (chosen: string[], read?: IDataObject) => {
			const part = bodyOf(chosen);
			// Adding members already there or removing absent ones changes nothing: no write.
			if (Object.keys(part).length === 0 && read) return read;
			return await writeAndRead(client, { method: 'PUT', path, body: part, itemIndex, resource }, readNumber);
		},
	};
	// Add and Remove read, change and write: items on the same number take turns, so none loses another's change.
	return await runUpdatePlan(plan, options, { run, id, readFirst: membership });
}

/** Turns the entries to add or remove into the whole lists Close takes; drops lists that stay the same. */
export function applyMembership(body: IDataObject, current: IDataObject, mode: 'add' | 'remove'): void {
	for (const key of ['participants', 'phone_numbers'] as const) {
		if (!(key in body)) continue;
		// Only what a membership list holds (user IDs, E.164 numbers): whatever else an answer's list
		// carries (objects, numbers) is never written back.
		const existing = Array.isArray(current[key]) ? (current[key] as unknown[]).filter((entry): entry is string => typeof entry === 'string') : [];
		const entries = body[key] as string[];
		const next =
			mode === 'add'
				? [...existing, ...entries.filter((entry, i) => !existing.includes(entry) && entries.indexOf(entry) === i)]
				: existing.filter((entry) => !entries.includes(entry));
		if (next.length === existing.length && next.every((entry, i) => entry === existing[i])) delete body[key];
		else body[key] = next;
	}
}
