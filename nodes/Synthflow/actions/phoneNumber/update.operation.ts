import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationFields } from '../../../shared/execution/operations';
import { pick, updateFields } from '../../../shared/execution/parameters';
import type { ItemRun } from '../../../shared/execution/runItems';
import { compareByTable, maskedBody, readUpdateOptions, runUpdatePlan } from '../../../shared/execution/updateOptions';
import { buildUpdateBody } from '../../../shared/execution/updateBody';
import { ApiClient } from '../../../shared/transport/client';
import { InputValidator } from '../../../shared/validation';
import { SYNTHFLOW_FIELDS, updateFieldsProperty } from '../../descriptions/updateFields';
import { synthflow } from '../../provider';
import { requireWorkspace, type SynthflowConnection } from '../../transport';
import { unwrapNumber } from '../../transport/phoneNumbers';

export const description = operationFields('update', [synthflow.locator, updateFieldsProperty]);

/** Synthflow's update body from exactly the fields the user added, each checked first. */
export function synthflowUpdateBody(fields: IDataObject, check: InputValidator): IDataObject {
	const body = buildUpdateBody(fields, SYNTHFLOW_FIELDS, check);
	if (body.uac_enabled === true && (!body.trunk_username || !body.trunk_pwd)) {
		check.fail(
			(body.trunk_username ? SYNTHFLOW_FIELDS.trunkPassword : SYNTHFLOW_FIELDS.trunkUsername).label,
			'needed when UAC Enabled is turned on',
			'Synthflow registers with the trunk using these: add Trunk Username and Trunk Password to the same update.',
		);
	}
	return body;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	connection: SynthflowConnection,
	run: ItemRun,
): Promise<IDataObject> {
	const node = this.getNode();
	const check = new InputValidator(node, itemIndex);
	const fields = updateFields(this, itemIndex);
	const keys = Object.keys(fields);
	const bodyOf = (chosen: string[]) => synthflowUpdateBody(pick(fields, chosen), check);
	bodyOf(keys);
	const options = readUpdateOptions(this, itemIndex);
	const { id: slug, path, resource } = await synthflow.locate(this, connection, itemIndex);
	const password = fields.trunkPassword;
	const writeOnly = typeof password === 'string' && password !== '' ? [password] : [];
	const read = async () => {
		// Reading needs the workspace: Dry Run and Skip Unchanged say so rather than write blind.
		const workspace = requireWorkspace(node, connection, itemIndex);
		return unwrapNumber(await connection.client.requestObject<IDataObject>({ method: 'GET', path, qs: { workspace }, itemIndex, resource, writeOnly }));
	};
	const send = async (chosen: string[]) => {
		const body = bodyOf(chosen);
		const answer = await connection.client.request<unknown>({ method: 'PATCH', path, body, itemIndex, resource, writeOnly });
		const status = ApiClient.isObject(answer) && typeof answer.status === 'string' ? answer.status : 'ok';
		// One output shape whatever the credential: slug, phone_number, the number's fields in
		// Synthflow's names, and the PATCH's status. The PATCH answers only that status, so the number
		// is read back when the credential has a Workspace ID; without one, only the fields sent are
		// known (the contract: the update still succeeds) and a notice says how to get them all.
		if (connection.workspaceId) return { slug, phone_number: `+${slug}`, ...(await read()), status };
		const sent = { ...body };
		delete sent.trunk_pwd; // a secret: never output
		return {
			slug,
			phone_number: `+${slug}`,
			...sent,
			status,
			notice: 'Updated. Add the Workspace ID to the Synthflow Phone Numbers API credential to get the whole number back after each update.',
		};
	};
	return await runUpdatePlan(
		{
			keys,
			read,
			compare: (number) => compareByTable(keys, SYNTHFLOW_FIELDS, bodyOf(keys), number, undefined, ['trunkPassword']),
			// Turning UAC on needs the trunk's user name in the same request (the password is always sent).
			together: (chosen) => (chosen.includes('uacEnabled') && 'trunkUsername' in fields ? [...new Set([...chosen, 'trunkUsername', 'trunkPassword'])] : chosen),
			requests: (chosen) => [{ method: 'PATCH', path: connection.client.pathOf(path), body: maskedBody(bodyOf(chosen), ['trunk_pwd']) }],
			send,
		},
		options,
		{ run, id: slug },
	);
}
