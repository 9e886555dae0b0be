package dev.discreet.shell;

import android.app.Activity;
import android.content.ActivityNotFoundException;
import android.content.Intent;
import android.content.SharedPreferences;
import android.content.pm.ApplicationInfo;
import android.content.pm.PackageManager;
import android.os.Bundle;
import android.webkit.WebSettings;
import android.webkit.WebView;
import android.webkit.WebViewClient;

/**
 * The one activity of every discreet mock-app APK: a full-screen WebView showing the app's pages, served by the
 * harness on the host. One compiled class serves every app (it never uses R): the app id comes from the manifest's
 * meta-data, the label and icon from its resources, the start URL from the launch intent's {@code url} extra.
 *
 * <p>Built by the harness's ApkBuilder during the Maven build (javac against an Android compile jar, then D8); not
 * compiled by the harness's own build. Java 8 source, API 21+.
 */
public class ShellActivity extends Activity {
    /** The launch intent's extra holding the page to open (the harness passes it, e.g. through Appium). */
    public static final String EXTRA_URL = "url";
    private static final String META_APP_ID = "dev.discreet.APP_ID";
    private static final String PACKAGE_PREFIX = "dev.discreet.app.";
    private static final String PREFS = "discreet-shell";

    private WebView web;
    private String appId;
    /** The page just loaded came from a launch: the history behind it belongs to an earlier start. */
    private boolean clearHistory;

    @Override
    protected void onCreate(Bundle saved) {
        super.onCreate(saved);
        enableWebDebugging();
        appId = appIdFromManifest();
        web = new WebView(this);
        WebSettings s = web.getSettings();
        s.setJavaScriptEnabled(true);
        s.setDomStorageEnabled(true);
        web.setWebViewClient(new Client());
        setContentView(web);
        load(startUrl(getIntent()));
    }

    @Override
    protected void onNewIntent(Intent intent) {
        super.onNewIntent(intent);
        setIntent(intent);
        String url = intent.getStringExtra(EXTRA_URL);
        if (url != null) load(url);
    }

    @Override
    public void onBackPressed() {
        if (web != null && web.canGoBack()) web.goBack();
        else super.onBackPressed();
    }

    /** The launch's URL, else the last one this app was given (a launcher tap carries no extra). */
    private String startUrl(Intent intent) {
        String url = intent == null ? null : intent.getStringExtra(EXTRA_URL);
        return url != null ? url : prefs().getString(EXTRA_URL, null);
    }

    private void load(String url) {
        if (url == null) {
            web.loadData("<html><body style='font-family:sans-serif;padding:24px'><h3>No start page</h3><p>This "
                    + "discreet mock app is opened by the harness, which passes its start URL. Run an episode, or "
                    + "<code>discreet android doctor</code>.</p></body></html>", "text/html", "utf-8");
            return;
        }
        prefs().edit().putString(EXTRA_URL, url).apply();
        clearHistory = true;
        web.loadUrl(url);
    }

    private SharedPreferences prefs() { return getSharedPreferences(PREFS, MODE_PRIVATE); }

    /** WebView.setWebContentsDebuggingEnabled(true) is API 19; the compile jar is older, so it is called by name. */
    private static void enableWebDebugging() {
        try {
            WebView.class.getMethod("setWebContentsDebuggingEnabled", boolean.class).invoke(null, Boolean.TRUE);
        } catch (Exception e) {
            // API < 19: there is no WebView debugging, and Appium cannot read the page either
        }
    }

    private String appIdFromManifest() {
        try {
            ApplicationInfo info = getPackageManager().getApplicationInfo(getPackageName(), PackageManager.GET_META_DATA);
            String id = info.metaData == null ? null : info.metaData.getString(META_APP_ID);
            return id == null ? "" : id;
        } catch (PackageManager.NameNotFoundException e) {
            return "";
        }
    }

    /** Links into another app open that app's own APK, and the home screen is Android's, as on a phone. */
    private final class Client extends WebViewClient {
        @Override
        public boolean shouldOverrideUrlLoading(WebView view, String url) {
            String owner = Links.owner(url);
            if (owner == null || owner.equals(appId)) return false;
            Intent i;
            if (owner.isEmpty()) {
                i = new Intent(Intent.ACTION_MAIN).addCategory(Intent.CATEGORY_HOME);
            } else {
                i = new Intent(Intent.ACTION_MAIN).setClassName(PACKAGE_PREFIX + owner, ShellActivity.class.getName())
                        .putExtra(EXTRA_URL, url);
            }
            i.addFlags(Intent.FLAG_ACTIVITY_NEW_TASK);
            try {
                startActivity(i);
                return true;
            } catch (ActivityNotFoundException e) {
                return false; // that app is not installed: show its page here rather than nothing
            }
        }

        @Override
        public void onPageFinished(WebView view, String url) {
            if (clearHistory) {
                clearHistory = false;
                view.clearHistory();
            }
        }
    }
}
