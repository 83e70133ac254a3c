package io.loadgrid.report.junit;

import io.loadgrid.common.files.AtomicFile;
import io.loadgrid.common.metrics.SloVerdict;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The objectives' verdicts as a JUnit XML report ({@code --junit FILE}), the form CI systems (Jenkins, GitLab, GitHub
 * test reporters) read: one test suite per command, one test case per objective and run or sweep cell. An unmet
 * objective is a {@code <failure>}; a cell that did not run to its end is an {@code <error>} on each of its objectives.
 */
public final class JUnitFile {
    /**
     * One objective of one run or cell.
     *
     * @param classname where it belongs, as CI groups it: "loadgrid.run", or the sweep and its cell ("quick.c01")
     * @param name      the cell's name and the objective ("threads c=100: p99<50ms")
     * @param timeS     its share of the measured time it was judged over (CI sums the cases' times)
     * @param verdict   its verdict, or null when the cell did not run to its end
     * @param error     why it was not judged, when {@code verdict} is null
     */
    public record Case(String classname, String name, double timeS, SloVerdict verdict, String error) {}

    private JUnitFile() {}

    public static void write(Path file, String suite, Instant start, List<Case> cases) {
        AtomicFile.write(file, xml(suite, start, cases));
    }

    public static String xml(String suite, Instant start, List<Case> cases) {
        long failures = cases.stream()
                .filter(c -> c.verdict() != null && !c.verdict().met())
                .count();
        long errors = cases.stream().filter(c -> c.verdict() == null).count();
        String tests = Integer.toString(cases.size());
        String time = seconds(cases.stream().mapToDouble(Case::timeS).sum());
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            // the same totals on both: some readers take the outer element's, some the suite's
            String[] totals = {
                "name",
                suite,
                "tests",
                tests,
                "failures",
                Long.toString(failures),
                "errors",
                Long.toString(errors),
                "time",
                time
            };
            x.writeStartElement("testsuites");
            attributes(x, totals);
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            attributes(x, totals);
            x.writeAttribute("skipped", "0");
            x.writeAttribute(
                    "timestamp",
                    start.truncatedTo(ChronoUnit.SECONDS)
                            .atOffset(ZoneOffset.UTC)
                            .toLocalDateTime()
                            .toString());
            for (Case c : cases) {
                x.writeCharacters("\n    ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", c.classname());
                x.writeAttribute("name", c.name());
                x.writeAttribute("time", seconds(c.timeS()));
                if (c.verdict() == null) {
                    x.writeStartElement("error");
                    x.writeAttribute("message", c.error());
                    x.writeAttribute("type", "not judged");
                    x.writeEndElement();
                } else if (!c.verdict().met()) {
                    x.writeStartElement("failure");
                    x.writeAttribute("message", c.verdict().says());
                    x.writeAttribute("type", "slo");
                    x.writeCharacters(c.verdict().says());
                    x.writeEndElement();
                } else {
                    x.writeStartElement("system-out");
                    x.writeCharacters(c.verdict().says());
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        return text.toString();
    }

    private static void attributes(XMLStreamWriter x, String... namesAndValues) throws XMLStreamException {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            x.writeAttribute(namesAndValues[i], namesAndValues[i + 1]);
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
