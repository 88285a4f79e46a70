import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

/** "update: phoneNumber" under the node's name on the canvas, as n8n's resource nodes show it. */
export const PHONE_NUMBERS_SUBTITLE = '={{ $parameter["operation"] + ": " + $parameter["resource"] }}';

/**
 * What every node of the package is: a transform with one input and one output, version 1, named
 * on the canvas as in the nodes panel. What lint checks (icon, subtitle, usableAsTool, credentials)
 * stays written out in each node's class.
 */
export function phoneNumbersNode(
	displayName: string,
	name: string,
): Pick<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'version' | 'defaults' | 'inputs' | 'outputs'> {
	return {
		displayName,
		name,
		group: ['transform'],
		version: 1,
		defaults: { name: displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
	};
}
