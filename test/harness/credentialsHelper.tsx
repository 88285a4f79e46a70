import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

/**
 * The part of n8n's credentials service a node run needs: it hands the node the credential data
 * the test gave, applies the credential type's own `authenticate` block (generic blocks resolved
 * with n8n's expression engine, as n8n's CLI does), and keeps OAuth token updates.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** Token data n8n saved after an OAuth refresh, by credential type. */
	readonly savedTokens: Record<string, ICredentialDataDecryptedObject> = {};

	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		const extendsTypes = this.types[name]?.extends ?? [];
		return extendsTypes.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const authenticate = this.types[typeName]?.authenticate;
		if (!authenticate) return options;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=') && workflow && node
				? workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '')
				: value;
		const { properties } = authenticate;
		if (properties.auth) {
			options.auth = {
				username: String(resolve(properties.auth.username) ?? ''),
				password: String(resolve(properties.auth.password) ?? ''),
			};
		}
		for (const key of ['headers', 'qs', 'body'] as const) {
			const block = properties[key] as Record<string, unknown> | undefined;
			if (!block) continue;
			const target = ((options as unknown as Record<string, Record<string, unknown>>)[key] ??= {});
			for (const [name, value] of Object.entries(block)) target[name] = resolve(value);
		}
		return options;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(details: INodeCredentialsDetails): Promise<Credentials> {
		return new Credentials({ id: details.id, name: details.name }, '', '');
	}

	async getDecrypted(_additionalData: unknown, _details: INodeCredentialsDetails, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`The test gave no credential data for ${type}`);
		return { ...data, ...(this.savedTokens[type] ?? {}) };
	}

	async updateCredentials(_details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.savedTokens[type] = { ...this.savedTokens[type], oauthTokenData: data.oauthTokenData };
	}

	async updateCredentialsOauthTokenData(_details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.savedTokens[type] = { ...this.savedTokens[type], oauthTokenData: data.oauthTokenData };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
}
