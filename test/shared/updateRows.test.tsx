/**
 * Update rows: each field written once, as the editor property, the API name and the check, and
 * the table and the editor's collection both made from them.
 */
import { NodeOperationError, type INode } from 'n8n-workflow';

import { booleanField, choiceField, numberField, textField } from '../../nodes/shared/descriptions/fields';
import { buildUpdateBody, labelsOf, updateFieldsOf, updateRow, updateTable } from '../../nodes/shared/execution/updateBody';
import { InputValidator } from '../../nodes/shared/validation';

const NODE = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {}, id: 'n' } as INode;
const rows = [
	updateRow(textField('Voice URL', 'voiceUrl', { description: 'Where calls are sent' }), 'VoiceUrl', { kind: 'url' }),
	updateRow(booleanField('Caller ID Lookup', 'callerIdLookup', 'Whether the caller is looked up'), 'CallerIdLookup', { kind: 'boolean' }),
	updateRow(textField('Forwards To', 'forwardsTo', {}), 'call_forwarding.forwards_to', { kind: 'e164' }, 'voice settings'),
];

describe('update rows', () => {
	it('give the table its keys, API names and labels from the property, in the rows\' order', () => {
		const table = updateTable(rows);
		expect(Object.keys(table)).toEqual(['voiceUrl', 'callerIdLookup', 'forwardsTo']);
		expect(table.voiceUrl).toEqual({ api: 'VoiceUrl', label: 'Voice URL', check: { kind: 'url' } });
		expect(table.forwardsTo.group).toBe('voice settings');
	});

	it('give the editor one collection, sorted by display name as n8n lists options', () => {
		const collection = updateFieldsOf('Only the fields added are sent', rows, { show: { operation: ['update'] } });
		expect(collection).toMatchObject({ name: 'updateFields', type: 'collection', default: {}, displayOptions: { show: { operation: ['update'] } } });
		expect((collection.options as Array<{ displayName: string }>).map((option) => option.displayName)).toEqual(['Caller ID Lookup', 'Forwards To', 'Voice URL']);
		expect(labelsOf(collection)).toEqual({ callerIdLookup: 'Caller ID Lookup', forwardsTo: 'Forwards To', voiceUrl: 'Voice URL' });
		expect('constructor' in labelsOf(collection)).toBe(false);
	});

	it('take the check from the property where it says what it takes: a switch, a range, a fixed list', () => {
		const table = updateTable([
			updateRow(booleanField('Enabled', 'enabled', 'Whether it is on'), 'enabled'),
			updateRow(numberField('Ring Seconds', 'ringSeconds', 30, [15, 90], 'How long it rings'), 'ring_seconds'),
			updateRow(choiceField('Mode', 'mode', [['Fax', 'fax'], ['Voice', 'voice']], 'voice'), 'mode'),
		]);
		expect(table.enabled.check).toEqual({ kind: 'boolean' });
		expect(table.ringSeconds.check).toEqual({ kind: 'integer', min: 15, max: 90 });
		expect(table.mode.check).toEqual({ kind: 'oneOf', values: ['fax', 'voice'] });
		const check = new InputValidator(NODE, 0);
		expect(() => buildUpdateBody({ ringSeconds: 91 }, table, check)).toThrow(/Ring Seconds/);
		expect(() => buildUpdateBody({ mode: 'sms' }, table, check)).toThrow(/Mode: "sms" is not one of fax, voice/);
		expect(() => updateRow(textField('Anything', 'anything', {}), 'anything')).toThrow('Update field "anything" needs a check');
	});

	it('refuse a field declared twice', () => {
		expect(() => updateTable([...rows, rows[0]])).toThrow('Update field "voiceUrl" is declared twice');
	});

	it('check each value under the label the editor shows, and place dotted API names', () => {
		const table = updateTable(rows);
		const check = new InputValidator(NODE, 0);
		expect(buildUpdateBody({ forwardsTo: '+14155550100', callerIdLookup: true }, table, check)).toEqual({ call_forwarding: { forwards_to: '+14155550100' }, CallerIdLookup: true });
		expect(() => buildUpdateBody({ voiceUrl: 'ftp://example.com' }, table, check)).toThrow(NodeOperationError);
		expect(() => buildUpdateBody({ voiceUrl: 'ftp://example.com' }, table, check)).toThrow(/Voice URL/);
	});

	it('let a provider check what no kind describes, under the same label', () => {
		const table = updateTable([updateRow(textField('Agents', 'agents', {}), 'agents', { kind: 'custom', value: (value, label, check) => (Array.isArray(value) ? value : check.fail(label, 'expected a list')) })]);
		const check = new InputValidator(NODE, 0);
		expect(buildUpdateBody({ agents: ['a'] }, table, check)).toEqual({ agents: ['a'] });
		expect(() => buildUpdateBody({ agents: 'a' }, table, check)).toThrow(/Agents: expected a list/);
	});
});
