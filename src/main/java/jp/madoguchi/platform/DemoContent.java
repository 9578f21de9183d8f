package jp.madoguchi.platform;

/**
 * Demo data a module adds to the demo municipality (窓口町): a procedure catalog, reservation services, nursery
 * facilities, assessments… The demo module calls every {@code DemoContent} bean at each demo-mode start, after the
 * municipality, its staff and residents exist, inside the municipality's tenant context and one transaction per
 * contribution. A contribution must therefore be idempotent: it adds what is missing and leaves what is there
 * (including the municipality's own edits) alone.
 *
 * <p>Lives in the platform so that the demo module depends on no capability module and each capability owns its own
 * demo data next to its code.
 */
public interface DemoContent {

    /** A short name for the log ("procedure catalog"). */
    String name();

    /** Order among contributions; lower first. Contributions that use another's data order after it. */
    default int order() {
        return 0;
    }

    /** Adds this module's demo data for {@code municipality} where it is missing. */
    void addTo(Municipality municipality);
}
