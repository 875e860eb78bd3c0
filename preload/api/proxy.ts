/**
 * One generic proxy for every transport (VS Code's `ProxyChannel.toService`): an object with one
 * function per call of an interface, each handing its name and arguments to `call`. The engine
 * thread's proxy, the Electron preload bridge, the browser's HTTP client and test fakes are all
 * this plus their own `call`, so none of them lists the methods by hand.
 */

/** The calls of an interface: every member a function answering a promise. */
export type Calls<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> };

/**
 * `methods` is a record with every call of T as a key (e.g. API_CALLS for GembaApi), so the
 * compiler rejects a proxy that would miss one; its values are not used.
 */
export function proxyOf<T extends Calls<T>>(
  methods: { readonly [K in keyof T]-?: unknown },
  call: (method: keyof T & string, args: unknown[]) => Promise<unknown>,
): T {
  const proxy: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of Object.keys(methods) as (keyof T & string)[]) proxy[method] = (...args) => call(method, args);
  // The one unchecked step: each key of `methods` now holds a forwarding function, which is what T is.
  return proxy as unknown as T;
}
