import { RunningTestServices, stopTestServices } from './services/test-services';

/** Gives back what the global setup took: the run's database, Redis database or servers, temp folder. */
export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as { testServices?: RunningTestServices }).testServices;
  if (services) await stopTestServices(services);
}
