import type { Application } from 'express';

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  match(path: string): boolean;
}

/**
 * Methods registered for a path in the Express router. Nest answers a known path with the wrong
 * method with 404; the reference (Django REST framework) answers 405, so the filter asks here.
 */
export function allowedMethods(app: Application, path: string): string[] {
  const router = (app as unknown as { router?: { stack: RouterLayer[] } }).router;
  const methods = new Set<string>();
  for (const layer of router?.stack ?? []) {
    // Wildcard routes are middleware mounted for every method (request logging), not endpoints.
    if (!layer.route || layer.route.path.includes('*')) continue;
    try {
      if (!layer.match(path)) continue;
    } catch {
      continue; // malformed percent-encoding in the path: not a match
    }
    for (const [method, enabled] of Object.entries(layer.route.methods)) {
      if (enabled && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  return [...methods];
}
