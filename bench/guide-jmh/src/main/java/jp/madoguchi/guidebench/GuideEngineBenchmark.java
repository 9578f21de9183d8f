package jp.madoguchi.guidebench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.catalog.Answers;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.CatalogFile;
import jp.madoguchi.catalog.CatalogLoader;
import jp.madoguchi.catalog.Determination;
import jp.madoguchi.catalog.LifeEvent;
import jp.madoguchi.catalog.LifeEventEvaluator;
import jp.madoguchi.catalog.Persona;
import jp.madoguchi.catalog.Questionnaire;
import jp.madoguchi.kit.OfficeCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The rule engine on the shipped default catalog: one evaluation = the procedures, reasons and deadlines for one
 * persona's complete answers (the personas of catalog/default/personas, taken in turn), as the guide's result page
 * and the API compute them. Also the next-question step and a whole catalog load with validation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GuideEngineBenchmark {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    Catalog catalog;
    List<CatalogFile> files;
    LifeEvent[] events;
    Answers[] answers;
    OfficeCalendar calendar;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        files = CatalogLoader.classpathFiles(CatalogLoader.DEFAULT_LOCATION);
        catalog = CatalogLoader.load(files, TODAY);
        calendar = OfficeCalendar.standard();
        List<Persona> personas = catalog.personas();
        events = new LifeEvent[personas.size()];
        answers = new Answers[personas.size()];
        for (int i = 0; i < personas.size(); i++) {
            events[i] = catalog.event(personas.get(i).event()).orElseThrow();
            answers[i] = Answers.read(events[i], personas.get(i).answers());
        }
    }

    /** Procedures with reasons and deadlines for one persona's answers. */
    @Benchmark
    public Determination determine() {
        int i = next++ % answers.length;
        return LifeEventEvaluator.determine(catalog, events[i], answers[i], TODAY, calendar);
    }

    /** The questionnaire's state (next question, checks) for one persona's answers. */
    @Benchmark
    public Questionnaire questionnaire() {
        int i = next++ % answers.length;
        return LifeEventEvaluator.questionnaire(events[i], answers[i], TODAY);
    }

    /** Reading the raw answers (as the API receives them) and determining the procedures. */
    @Benchmark
    public Determination readAndDetermine() {
        int i = next++ % answers.length;
        Answers a = Answers.read(events[i], answers[i].values());
        return LifeEventEvaluator.determine(catalog, events[i], a, TODAY, calendar);
    }

    /** Reading and validating the whole default catalog (incl. the search over generated answers), uncached. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Catalog loadAndValidate() {
        return CatalogLoader.loadUncached(files, TODAY);
    }
}
