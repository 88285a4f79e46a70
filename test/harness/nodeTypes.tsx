/**
 * The package's nodes and credentials, found as n8n finds them: from `package.json`'s `n8n.nodes`
 * and `n8n.credentials` (the built `dist/…js` paths, loaded here from their TypeScript sources).
 */
import { join } from 'node:path';

import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

const ROOT = join(__dirname, '../..');
const manifest = require(join(ROOT, 'package.json')) as { name: string; n8n: { nodes: string[]; credentials: string[] } };

export const PACKAGE = manifest.name;

/**
 * `HARNESS_NODES=dist`: the built files themselves (what n8n loads; `npm run build` first), as the
 * benchmark profiles them. Otherwise their sources.
 */
export const LOADS_BUILT = process.env.HARNESS_NODES === 'dist';

/** The class a built file exports, loaded from its source (`dist/nodes/X/X.node.js` → `nodes/X/X.node.ts`) or, with LOADS_BUILT, itself. */
function exportedClass<T>(builtPath: string): new () => T {
	// With its extension: `X.node` alone would find the codex file `X.node.json` first outside jest.
	const source = join(ROOT, LOADS_BUILT ? builtPath : builtPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const exported = Object.values(require(source) as Record<string, unknown>).filter((value) => typeof value === 'function');
	if (exported.length !== 1) throw new Error(`${builtPath} should export one class, exports ${exported.length}`);
	return exported[0] as new () => T;
}

/** The package's node classes, by their type name in a workflow (`n8n-nodes-phone-numbers.close`). */
export const nodeClasses: Record<string, () => INodeType> = Object.fromEntries(
	manifest.n8n.nodes.map((path) => {
		const NodeClass = exportedClass<INodeType>(path);
		return [`${PACKAGE}.${new NodeClass().description.name}`, () => new NodeClass()];
	}),
);

export const credentialTypes: Record<string, ICredentialType> = {
	...Object.fromEntries(
		manifest.n8n.credentials.map((path) => {
			const credential = new (exportedClass<ICredentialType>(path))();
			return [credential.name, credential];
		}),
	),
	// n8n's own base type, which the OAuth2 credentials extend (only its name matters here).
	oAuth2Api: { name: 'oAuth2Api', displayName: 'OAuth2 API', properties: [] },
};

/** The package's node names without the package (`close`, `signalWire`, `closeTrigger`, …). */
export const nodeNames: string[] = Object.keys(nodeClasses).map((type) => type.slice(PACKAGE.length + 1));

export class TestNodeTypes implements INodeTypes {
	private readonly cache = new Map<string, INodeType>();

	getByName(type: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(type);
	}

	getByNameAndVersion(type: string): INodeType {
		let node = this.cache.get(type);
		if (!node) {
			const make = nodeClasses[type];
			if (!make) throw new Error(`Unknown node type ${type}`);
			node = make();
			this.cache.set(type, node);
		}
		return node;
	}

	getKnownTypes() {
		return {};
	}
}
