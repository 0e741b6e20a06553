import { startTestServices } from './services/test-services';

/** Jest global setup of the e2e project: the services every integration test talks to. */
export default async function globalSetup(): Promise<void> {
  (globalThis as { testServices?: unknown }).testServices = await startTestServices();
}
