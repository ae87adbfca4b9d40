// Types of shared-packages.js (plain JS, as it runs before the bundle or tsx).
/** The namespace the library entries give tsx. */
export declare const NAMESPACE: string;
/** The parent URL without our tsx namespace when one of our namespaced modules imports a package, else undefined. */
export declare function sharedParent(specifier: string, parentURL: string | undefined): string | undefined;
/** Install the resolve hook that gives our namespaced modules the process's own instance of each package. */
export declare function sharePackages(): void;
