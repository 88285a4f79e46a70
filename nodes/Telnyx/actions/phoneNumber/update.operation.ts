import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { operationFields } from '../../../shared/execution/operations';
import { pick, updateFields } from '../../../shared/execution/parameters';
import type { Connection } from '../../../shared/execution/provider';
import type { ItemRun } from '../../../shared/execution/runItems';
import { compareByTable, readUpdateOptions, runUpdatePlan } from '../../../shared/execution/updateOptions';
import { buildGroupedUpdateBodies } from '../../../shared/execution/updateBody';
import { writeInSteps } from '../../../shared/execution/writes';
import { InputValidator } from '../../../shared/validation';
import { TELNYX_FIELDS, UPDATE_GROUPS, updateFieldsProperty, type UpdateGroup } from '../../descriptions/updateFields';
import { telnyx } from '../../provider';
import { numberWithSettings, readRecord, record, settingsPaths } from '../../transport';

export const description = operationFields('update', [telnyx.locator, updateFieldsProperty]);

/** Telnyx lists a caller name only with the name itself, and takes the name only with the listing on. */
function checkCnam(fields: IDataObject, check: InputValidator): void {
	const [details, enabled] = [TELNYX_FIELDS.cnamListingDetails.label, TELNYX_FIELDS.cnamListingEnabled.label];
	const hasDetails = fields.cnamListingDetails !== undefined && String(fields.cnamListingDetails).trim() !== '';
	if (fields.cnamListingDetails !== undefined && fields.cnamListingEnabled !== true) {
		check.fail(details, `needs ${enabled} turned on in the same update`, `Add ${enabled} (on) next to the name to list.`);
	}
	if (fields.cnamListingEnabled === true && !hasDetails) {
		check.fail(enabled, `needs ${details} in the same update`, `Add ${details}: the name to list, at most 15 letters, digits or spaces.`);
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number, connection: Connection, run: ItemRun): Promise<IDataObject> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const fields = updateFields(this, itemIndex);
	const keys = Object.keys(fields);
	const bodiesOf = (chosen: string[]) => {
		const picked = pick(fields, chosen);
		const bodies = buildGroupedUpdateBodies(picked, TELNYX_FIELDS, check, UPDATE_GROUPS);
		checkCnam(picked, check);
		return bodies;
	};
	bodiesOf(keys);
	const options = readUpdateOptions(this, itemIndex);
	const address = await telnyx.locate(this, connection, itemIndex);
	const { id, resource } = address;
	const paths = settingsPaths(address);
	const where: Record<UpdateGroup, string> = { 'number settings': paths.number, 'voice settings': paths.voice, 'messaging settings': paths.messaging };
	const read = async () =>
		numberWithSettings(
			await readRecord(connection, paths.number, itemIndex, resource),
			await readRecord(connection, paths.voice, itemIndex, resource),
			await readRecord(connection, paths.messaging, itemIndex, resource),
		);
	const send = async (chosen: string[]) => {
		const bodies = bodiesOf(chosen);
		const written = new Map<UpdateGroup, IDataObject | undefined>();
		// One PATCH per group with a field set, in a fixed order; a failure says what was already applied.
		await writeInSteps(
			bodies.map(({ group, body }) => ({
				name: group,
				run: async () => {
					const answer = await connection.client.request<unknown>({ method: 'PATCH', path: where[group], body, itemIndex, resource });
					written.set(group, record(answer));
				},
			})),
		);
		// What was not written (or came back without its record) is read, so the output is always whole.
		const settled = async (group: UpdateGroup) => written.get(group) ?? (await readRecord(connection, where[group], itemIndex, resource));
		const number = await settled('number settings');
		const voice = await settled('voice settings');
		const messaging = await settled('messaging settings');
		refuseIgnoredUnassign(this, itemIndex, bodies, number);
		return numberWithSettings(number, voice, messaging);
	};
	// Voice and messaging settings are read under `voice` and `messaging` of the number as output.
	const settingsOf: Record<string, string> = { 'voice settings': 'voice.', 'messaging settings': 'messaging.' };
	return await runUpdatePlan(
		{
			keys,
			read,
			compare: (number) => {
				const body = Object.assign({}, ...bodiesOf(keys).map((part) => part.body)) as IDataObject;
				return compareByTable(keys, TELNYX_FIELDS, body, number, (row) => `${settingsOf[row.group ?? ''] ?? ''}${row.api}`);
			},
			// CNAM listing on needs its details in the same request.
			together: (chosen) => (chosen.includes('cnamListingEnabled') && 'cnamListingDetails' in fields ? [...new Set([...chosen, 'cnamListingDetails'])] : chosen),
			requests: (chosen) => bodiesOf(chosen).map(({ group, body }) => ({ method: 'PATCH', path: connection.client.pathOf(where[group]), body })),
			send,
		},
		options,
		{ run, id },
	);
}

/**
 * How Telnyx unassigns a connection or billing group on `PATCH /phone_numbers/{id}` is UNVERIFIED
 * (its spec types both as plain strings): the node sends null, then reads the answer. A value still
 * set is an error that says what happened, never a success.
 */
function refuseIgnoredUnassign(ctx: IExecuteFunctions, itemIndex: number, bodies: Array<{ group: UpdateGroup; body: IDataObject }>, number: IDataObject): void {
	const sent = bodies.find(({ group }) => group === 'number settings')?.body ?? {};
	const kept = (['connection_id', 'billing_group_id'] as const).filter((key) => key in sent && (sent[key] === null || sent[key] === '') && number[key]);
	if (kept.length === 0) return;
	throw new NodeOperationError(ctx.getNode(), `Telnyx kept ${kept.map((key) => `${key} ${String(number[key])}`).join(' and ')} after the request to unassign it`, {
		itemIndex,
		description:
			'Telnyx answered the update with success but the number still has it: the unassign was not applied. The other fields of this update were sent. Unassign it in Telnyx Mission Control, or assign another connection or billing group instead.',
	});
}