import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * Why a credential value cannot be sent as it is, or undefined when it can. HTTP headers carry
 * printable ASCII only: n8n's HTTP stack would drop a line break or a Cyrillic letter silently, so
 * the provider would see another key than the one typed (and the masker would not know the form
 * sent). Such a value is refused with a clear error instead.
 */
export function credentialValueProblem(label: string, value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value);
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x20 || code > 0x7e) {
			return `The credential's ${label} contains ${code < 0x20 || code === 0x7f ? 'a control character (a line break or tab)' : 'a character that is not plain ASCII'}: copy it again from the provider, without spaces or line breaks around or inside it`;
		}
	}
	return undefined;
}

/** `credentialValueProblem` for a node: a NodeOperationError before any request. */
export function requireCredentialText(node: INode, label: string, value: unknown): string {
	const problem = credentialValueProblem(label, value);
	if (problem) throw new NodeOperationError(node, problem);
	return value === undefined || value === null ? '' : String(value);
}
