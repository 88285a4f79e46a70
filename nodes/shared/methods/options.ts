import type { INodePropertyOptions } from 'n8n-workflow';

/** A dropdown's options by name, as n8n's lint asks options to be listed. */
export function sortedByName(options: INodePropertyOptions[]): INodePropertyOptions[] {
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
