/**
 * Node and credential classes the harness can run. Everything listed in package.json's `n8n` section is
 * found automatically (the `dist/…js` path is mapped back to the TypeScript source), so a new node of this
 * package runs as soon as it is listed there. Other classes can be registered by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type {
	ICredentialType,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

export const PROJECT_ROOT = join(__dirname, '..', '..');

/** The package name: node types are called `<package>.<name>`, as n8n names community nodes. */
export const PACKAGE_NAME: string = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string }).name;

export const START_NODE_TYPE = 'n8n-nodes-harness.start';

/**
 * Stand-in for n8n's Manual Trigger (which lives in the huge n8n-nodes-base): outputs the items the
 * harness put on the execution stack for it.
 */
class HarnessStart implements INodeType {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Outputs the test input items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

type NodeClass = new () => INodeType | IVersionedNodeType;
type CredentialClass = new () => ICredentialType;

const nodeTypesByName = new Map<string, INodeType | IVersionedNodeType>([[START_NODE_TYPE, new HarnessStart()]]);
const credentialTypesByName = new Map<string, ICredentialType>();
let manifestLoaded = false;

function sourceOf(distPath: string): string {
	return join(PROJECT_ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

function firstClassExport(modulePath: string): unknown {
	const exported = require(modulePath) as Record<string, unknown>;
	return Object.values(exported).find((value) => typeof value === 'function');
}

/** Loads every node and credential listed in package.json (once). */
function loadManifest(): void {
	if (manifestLoaded) return;
	manifestLoaded = true;
	const manifest = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	}).n8n;
	// A node that fails to load (work in progress elsewhere) must not break tests of the others: remember why.
	for (const path of manifest?.credentials ?? []) {
		try {
			const Class = firstClassExport(sourceOf(path)) as CredentialClass | undefined;
			if (Class) registerCredentialType(new Class());
		} catch (error) {
			loadFailures.push(`${path}: ${(error as Error).message}`);
		}
	}
	for (const path of manifest?.nodes ?? []) {
		try {
			const Class = firstClassExport(sourceOf(path)) as NodeClass | undefined;
			if (Class) registerNodeType(new Class());
		} catch (error) {
			loadFailures.push(`${path}: ${(error as Error).message}`);
		}
	}
}

const loadFailures: string[] = [];

function descriptionName(nodeType: INodeType | IVersionedNodeType): string {
	return nodeType.description.name;
}

/**
 * The errors node methods threw, by `<executionId>|<node name>`, as the original instances. (The engine
 * stores only a spread copy in the run data, like the n8n UI shows it; secrets tests need the real object.)
 */
export const thrownErrors = new Map<string, unknown>();

type Method = (this: IExecuteFunctions, ...args: unknown[]) => Promise<unknown>;

/** A view of the node whose execute/webhook record what they throw; everything else comes from the original. */
function recordingThrows(nodeType: INodeType): INodeType {
	const wrapped = Object.create(nodeType) as Record<string, unknown>;
	for (const name of ['execute', 'webhook'] as const) {
		const original = (nodeType as unknown as Record<string, Method | undefined>)[name];
		if (typeof original !== 'function') continue;
		wrapped[name] = async function (this: IExecuteFunctions, ...args: unknown[]) {
			try {
				return await original.apply(this, args);
			} catch (error) {
				thrownErrors.set(`${this.getExecutionId()}|${this.getNode().name}`, error);
				throw error;
			}
		};
	}
	return wrapped as unknown as INodeType;
}

/** Registers a node class instance under `<package>.<description.name>`; returns that type name. */
export function registerNodeType(nodeType: INodeType | IVersionedNodeType): string {
	const typeName = `${PACKAGE_NAME}.${descriptionName(nodeType)}`;
	const versioned = 'nodeVersions' in nodeType;
	nodeTypesByName.set(typeName, versioned ? nodeType : recordingThrows(nodeType));
	return typeName;
}

export function registerCredentialType(credentialType: ICredentialType): void {
	credentialTypesByName.set(credentialType.name, credentialType);
}

/**
 * Resolves what a test names as node type: a short name (`whatsAppMultiDevice`), a full type name
 * (`n8n-nodes-whatsapp-multidevice.whatsAppMultiDevice`), a node class or an instance. Returns the full type name.
 */
export function resolveNodeType(nodeType: string | INodeType | IVersionedNodeType | NodeClass): string {
	loadManifest();
	if (typeof nodeType === 'function') return registerNodeType(new nodeType());
	if (typeof nodeType === 'object') return registerNodeType(nodeType);
	if (nodeTypesByName.has(nodeType)) return nodeType;
	const full = `${PACKAGE_NAME}.${nodeType}`;
	if (nodeTypesByName.has(full)) return full;
	throw new Error(
		`Harness: unknown node type "${nodeType}". Known: ${[...nodeTypesByName.keys()].join(', ')}. ` +
			'List the node in package.json (n8n.nodes) or pass its class as nodeType.' +
			(loadFailures.length ? ` Failed to load: ${loadFailures.join('; ')}` : ''),
	);
}

export function getCredentialType(name: string): ICredentialType | undefined {
	loadManifest();
	return credentialTypesByName.get(name);
}

/** The INodeTypes n8n's Workflow needs. */
export const nodeTypes: INodeTypes = {
	getByName(type: string) {
		loadManifest();
		const found = nodeTypesByName.get(type);
		if (!found) throw new Error(`Harness: unknown node type "${type}"`);
		return found;
	},
	getByNameAndVersion(type: string, version?: number) {
		loadManifest();
		const found = nodeTypesByName.get(type);
		if (!found) throw new Error(`Harness: unknown node type "${type}"`);
		return NodeHelpers.getVersionedNodeType(found, version);
	},
	getKnownTypes() {
		return {};
	},
} as INodeTypes;
