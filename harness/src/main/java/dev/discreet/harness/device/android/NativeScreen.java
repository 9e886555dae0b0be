package dev.discreet.harness.device.android;

import dev.discreet.tasks.evidence.Bounds;
import dev.discreet.tasks.evidence.UiElement;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The element list of a native screen (the Android launcher, a system dialog: anything that is not one of our
 * WebViews) from UiAutomator2's page source: elements named by their class, with {@code text},
 * {@code content-desc}, {@code clickable}, {@code focused}, {@code checked}, {@code password}, {@code displayed} and
 * {@code bounds="[left,top][right,bottom]"} in screen pixels. The roles are the web element list's, so an agent
 * reads both alike.
 */
public final class NativeScreen {
    private static final Pattern BOUNDS = Pattern.compile("\\[(-?\\d+),(-?\\d+)]\\[(-?\\d+),(-?\\d+)]");

    /** The parsed screen: the foreground package (from the top element) and its elements in document order. */
    public record Parsed(String packageName, int width, int height, List<UiElement> elements) {}

    private NativeScreen() {}

    /**
     * Parses a page source.
     *
     * @throws IllegalArgumentException if it is not UiAutomator2's XML hierarchy
     */
    public static Parsed parse(String pageSource) {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null); // the exception carries the problem; the default handler also prints it
            root = b.parse(new InputSource(new StringReader(pageSource))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("the page source is not XML: " + e.getMessage(), e);
        }
        if (!root.getTagName().equals("hierarchy")) {
            throw new IllegalArgumentException("the page source is not a UiAutomator2 hierarchy (root element <"
                    + root.getTagName() + ">, expected <hierarchy>)");
        }
        List<UiElement> out = new ArrayList<>();
        String[] pkg = {null};
        walk(root, out, pkg);
        return new Parsed(pkg[0], intAttr(root, "width"), intAttr(root, "height"), out);
    }

    private static void walk(Element parent, List<UiElement> out, String[] pkg) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) continue;
            if (pkg[0] == null && !e.getAttribute("package").isEmpty()) pkg[0] = e.getAttribute("package");
            UiElement u = element(e, out.size());
            if (u != null) out.add(u);
            walk(e, out, pkg);
        }
    }

    private static UiElement element(Element e, int index) {
        if ("false".equals(e.getAttribute("displayed"))) return null;
        Matcher m = BOUNDS.matcher(e.getAttribute("bounds"));
        if (!m.matches()) return null;
        Bounds b = new Bounds(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
        if (b.right() <= b.left() || b.bottom() <= b.top()) return null;
        String cls = e.getAttribute("class").isEmpty() ? e.getTagName() : e.getAttribute("class");
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        boolean clickable = bool(e, "clickable") || bool(e, "long-clickable");
        String text = e.getAttribute("text").strip();
        String desc = e.getAttribute("content-desc").strip();
        String role = switch (simple) {
            case "EditText", "AutoCompleteTextView", "MultiAutoCompleteTextView" -> "textfield";
            case "CheckBox", "CheckedTextView" -> "checkbox";
            case "Switch", "SwitchCompat", "ToggleButton" -> "switch";
            case "RadioButton" -> "radio";
            case "Spinner" -> "select";
            case "Button", "ImageButton" -> "button";
            case "ImageView" -> clickable ? "button" : desc.isEmpty() ? null : "image";
            default -> clickable ? "button" : text.isEmpty() && desc.isEmpty() ? null : "text";
        };
        if (role == null) return null;
        boolean editable = role.equals("textfield") && !"false".equals(e.getAttribute("enabled"));
        // A password field's text is dots on screen; the page source may carry the value, so it is not shown.
        if (bool(e, "password")) text = "";
        String shown = text.isEmpty() ? desc : text;
        if (!editable && shown.isEmpty() && !clickable) return null;
        String label = !text.isEmpty() && !desc.isEmpty() && !desc.equals(text) ? desc : null;
        return new UiElement(index, role, shown, label, null, b, clickable || editable, editable, bool(e, "focused"),
                bool(e, "checked"));
    }

    private static boolean bool(Element e, String name) { return "true".equals(e.getAttribute(name)); }

    private static int intAttr(Element e, String name) {
        try {
            return Integer.parseInt(e.getAttribute(name));
        } catch (NumberFormatException ex) {
            return -1;
        }
    }
}
