import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { getAllDescription, readGetAll } from '../descriptions/common';
import { listAll } from '../transport/pagination';
import { InputValidator } from '../validation';
import { pick, updateFields } from './parameters';
import type { Connection, NumberAddress, PhoneNumberProvider } from './provider';
import type { ItemRun, OperationModule } from './runItems';
import { readUpdateOptions, runSingleWriteUpdate, type ComparedField } from './updateOptions';

/** An operation's fields, shown for it once (n8n's `updateDisplayOptions`); operations a provider writes by hand use it too. */
export function operationFields(operation: 'get' | 'getAll' | 'update', properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['phoneNumber'], operation: [operation] } }, properties);
}

/** Get, where one GET of the number's path is not the whole number (Telnyx's settings, Synthflow's workspace). */
export type ReadNumber<C extends Connection> = (this: IExecuteFunctions, connection: C, address: NumberAddress, itemIndex: number) => Promise<IDataObject>;

/** Get: the number the locator names, as the provider has it. */
export function getOperation<C extends Connection>(provider: PhoneNumberProvider<C>, own: { properties?: INodeProperties[]; read?: ReadNumber<C> } = {}): OperationModule<C> {
	const read: ReadNumber<C> =
		own.read ?? (async (connection, { path, resource }, itemIndex) => await connection.client.requestObject<IDataObject>({ method: 'GET', path, itemIndex, resource }));
	return {
		description: operationFields('get', [...(own.properties ?? []), provider.locator]),
		async execute(this: IExecuteFunctions, itemIndex: number, connection: C): Promise<IDataObject> {
			return await read.call(this, connection, await provider.locate(this, connection, itemIndex), itemIndex);
		},
	};
}

/** What Get Many's filters ask of the list: its query (each filter checked) and, for a filter the list lacks, which entries to keep. */
export interface ListFilters<C extends Connection> {
	properties: INodeProperties[];
	query?: (this: IExecuteFunctions, filters: IDataObject, check: InputValidator, connection: C, itemIndex: number) => IDataObject;
	keep?: (filters: IDataObject, check: InputValidator) => ((number: IDataObject) => boolean) | undefined;
}

/** Get Many: every page of the provider's list (or up to the Limit), with its filters. */
export function getAllOperation<C extends Connection>(provider: PhoneNumberProvider<C>, filters: ListFilters<C>): OperationModule<C> {
	return {
		description: getAllDescription(filters.properties),
		async execute(this: IExecuteFunctions, itemIndex: number, connection: C): Promise<IDataObject[]> {
			const { check, limit, filters: set } = readGetAll(this, itemIndex);
			const qs = filters.query?.call(this, set, check, connection, itemIndex) ?? {};
			const keep = filters.keep?.(set, check);
			const { list } = provider;
			return await listAll(connection.client, list.style, { path: list.path, qs: list.sized(qs, limit), itemIndex }, { limit, keep });
		},
	};
}

/** An update that is one write to the number, answered with it or read back (SignalWire, Vapi, Retell, Twilio). */
export interface SingleWriteDeclaration {
	/** The Update Fields collection, and fields of the provider's own shown between the locator and it (Twilio's routing filters). */
	fields: INodeProperties;
	properties?: INodeProperties[];
	method: 'PUT' | 'PATCH' | 'POST';
	/** A form-encoded body (Twilio), sent again on a failure that may not have arrived (the POST sets fields: doing it twice is harmless). */
	form?: boolean;
	/** The body of exactly the fields given, each checked first (cross-field rules included). */
	bodyOf: (fields: IDataObject, check: InputValidator, address?: NumberAddress) => IDataObject;
	/** Each field's value before (the number as read) and after (the body), for Dry Run and Skip Unchanged. */
	compare: (keys: string[], body: IDataObject, number: IDataObject) => ComparedField[];
	/** With Skip Unchanged: fields that go together. */
	together?: (fields: IDataObject, keys: string[]) => string[];
	/** Write-only fields (passwords): their `updateFields` keys and API names, masked wherever shown. */
	writeOnly?: { keys: string[]; api: string[] };
}

/** Update: the fields given, checked before anything is sent, as one write; Dry Run and Skip Unchanged read first. */
export function singleWriteUpdateOperation<C extends Connection>(provider: PhoneNumberProvider<C>, update: SingleWriteDeclaration): OperationModule<C> {
	return {
		description: operationFields('update', [provider.locator, ...(update.properties ?? []), update.fields]),
		async execute(this: IExecuteFunctions, itemIndex: number, connection: C, run: ItemRun): Promise<IDataObject> {
			const check = new InputValidator(this.getNode(), itemIndex);
			const fields = updateFields(this, itemIndex);
			const keys = Object.keys(fields);
			update.bodyOf(fields, check);
			const options = readUpdateOptions(this, itemIndex);
			const address = await provider.locate(this, connection, itemIndex);
			const bodyOf = (chosen: string[]) => update.bodyOf(pick(fields, chosen), check, address);
			// Again with the number known (Retell refuses a fallback that is the number itself), before any read or write.
			bodyOf(keys);
			const secrets = (update.writeOnly?.keys ?? []).map((key) => fields[key]).filter((value): value is string => typeof value === 'string' && value !== '');
			return await runSingleWriteUpdate(
				{
					client: connection.client,
					itemIndex,
					method: update.method,
					form: update.form,
					path: address.updatePath ?? address.path,
					readPath: address.path,
					resource: address.resource,
					keys,
					bodyOf,
					compare: (number) => update.compare(keys, bodyOf(keys), number),
					together: update.together && ((chosen) => update.together!(fields, chosen)),
					writeOnly: update.writeOnly && { values: secrets, api: update.writeOnly.api },
					target: { run, id: address.id },
				},
				options,
			);
		},
	};
}
