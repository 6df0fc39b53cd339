// Sharing a model's link (issue 16). Zalo offers no web share address without an Official Account, so on a phone the
// system share sheet (which lists Zalo when it is installed) is the one-tap way; elsewhere the link is copied.
export async function shareLink(title, url) {
    if (navigator.share) {
        try {
            await navigator.share({ title: title, url: url });
            return "shared";
        } catch (e) {
            if (e && e.name === "AbortError") {
                return "cancelled";
            }
        }
    }

    return await copyLink(url);
}

export async function copyLink(url) {
    try {
        await navigator.clipboard.writeText(url);
        return "copied";
    } catch {
        return "failed";
    }
}
