/**
 * Stand-in for the CLI's CredentialsHelper (which needs n8n's database): hands out the test credentials given
 * to the run, with the credential type's defaults applied, and authenticates requests with the credential
 * class's real `authenticate` — a function is called as n8n calls it; a generic `{type:'generic'}` block is
 * resolved with n8n's expression engine against `$credentials`.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers } from 'n8n-workflow';

import { getCredentialType } from './registry';

/** Credential data by credential type name (plain objects; undefined values are dropped). */
export type CredentialsByType = Record<string, IDataObject>;

function resolveGeneric(value: unknown, credentials: ICredentialDataDecryptedObject, workflow?: Workflow, node?: INode): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	if (!workflow || !node) throw new Error('Harness: generic credential expressions need the workflow and node');
	return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
}

export class TestCredentialsHelper extends ICredentialsHelper {
	/** Every credential object handed to a node, for secrets assertions. */
	readonly handedOut: ICredentialDataDecryptedObject[] = [];

	constructor(private readonly credentials: CredentialsByType) {
		super();
	}

	getParentTypes(name: string): string[] {
		const extendsTypes = getCredentialType(name)?.extends ?? [];
		return extendsTypes.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	/** The test data of `type`, with the credential class's property defaults filled in (as n8n does). */
	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode?: WorkflowExecuteMode,
		executeData?: unknown,
		_raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (data === undefined) {
			throw new Error(`Harness: no test credentials of type "${type}" were given to the run`);
		}
		const properties = this.getCredentialsProperties(type);
		const withDefaults = properties.length
			? (NodeHelpers.getNodeParameters(properties, { ...data } as never, true, false, null, null) as ICredentialDataDecryptedObject)
			: {};
		const given = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as ICredentialDataDecryptedObject;
		let decrypted = { ...withDefaults, ...given };
		// Fields holding expressions are resolved against the item being processed, as the CLI's
		// CredentialsHelper.applyDefaultsAndOverwrites does (getCredentials(type, itemIndex)).
		if (expressionResolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } = expressionResolveValues;
			decrypted = workflow.expression.getParameterValue(
				decrypted as never,
				runExecutionData,
				runIndex,
				itemIndex,
				node.name,
				connectionInputData,
				mode ?? 'manual',
				{},
				executeData as never,
				false,
				decrypted,
			) as ICredentialDataDecryptedObject;
		}
		this.handedOut.push(decrypted);
		return decrypted;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const credentialType = getCredentialType(typeName);
		const authenticate = credentialType?.authenticate;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate && typeof authenticate === 'object' && authenticate.type === 'generic') {
			const options = requestOptions as IHttpRequestOptions & Record<string, unknown>;
			for (const [outerKey, inner] of Object.entries(authenticate.properties)) {
				if (outerKey === 'auth') {
					const auth = inner as Record<string, unknown>;
					options.auth = {
						username: String(resolveGeneric(auth.username, credentials, workflow, node) ?? ''),
						password: String(resolveGeneric(auth.password, credentials, workflow, node) ?? ''),
					};
					continue;
				}
				const target = ((options[outerKey] as Record<string, unknown> | undefined) ??= {});
				for (const [key, value] of Object.entries(inner as Record<string, unknown>)) {
					target[key] = resolveGeneric(value, credentials, workflow, node);
				}
			}
			return options;
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		_node: INode,
		_credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(_nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new Error(`Harness: getCredentials(${type}) is not supported; nodes use getDecrypted`);
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return getCredentialType(type)?.properties ?? [];
	}
}
