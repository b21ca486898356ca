package org.borderflows.system;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics a PromQL expression reads, found by a small scanner rather than a full parser: an identifier is a
 * metric name unless it is a keyword, a function or aggregation (followed by an opening parenthesis), or inside a
 * label matcher ({...}), a range or subquery ([...]), a string or a label list of by/without/on/ignoring/group_left/
 * group_right. Enough for the expressions of deploy/observability, and strict: a name it cannot place is a metric.
 */
final class PromQl {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Set<String> LABEL_LIST_KEYWORDS =
            Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Pattern JOB = Pattern.compile("\\bjob\\s*=\\s*\"([^\"]*)\"");

    private PromQl() {}

    /** Metric name -> the job its selector names ({@code job="..."}), or "" when it names none. */
    static Map<String, Set<String>> selectors(String expr) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '[') {
                i = expr.indexOf(']', i) + 1;
            } else if (c == '{') {
                i = skipBraces(expr, i); // a selector without a name, {__name__=...}: not used here
            } else if (Character.isDigit(c) || c == '.') {
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++; // numbers and durations (0.99, 5m, 1e3)
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < n
                        && (Character.isLetterOrDigit(expr.charAt(i))
                                || expr.charAt(i) == '_'
                                || expr.charAt(i) == ':')) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpaces(expr, i);
                char following = next < n ? expr.charAt(next) : ' ';
                if (LABEL_LIST_KEYWORDS.contains(word)) {
                    i = following == '(' ? expr.indexOf(')', next) + 1 : next;
                } else if (KEYWORDS.contains(word.toLowerCase())
                        || following == '('
                        || expr.startsWith("by", next)
                        || expr.startsWith("without", next)) {
                    // a keyword, a function, or an aggregation (sum by (job) (...)): its arguments are scanned next
                    i = next;
                } else {
                    String labels = "";
                    if (following == '{') {
                        int end = skipBraces(expr, next);
                        labels = expr.substring(next, end);
                        i = end;
                    }
                    Matcher job = JOB.matcher(labels);
                    out.computeIfAbsent(word, w -> new LinkedHashSet<>()).add(job.find() ? job.group(1) : "");
                }
            } else {
                i++;
            }
        }
        return out;
    }

    /** The metric names of an expression. */
    static Set<String> metricNames(String expr) {
        return selectors(expr).keySet();
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipString(String s, int i) {
        char quote = s.charAt(i);
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != quote) {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
    }

    private static int skipBraces(String s, int i) {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '}') {
            char c = s.charAt(j);
            j = c == '"' || c == '\'' || c == '`' ? skipString(s, j) : j + 1;
        }
        return j + 1;
    }
}
