package io.loadgrid.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** One concept, one name: no two top-level classes of the project share a simple name, whatever their packages. */
final class SimpleNames {
    private SimpleNames() {}

    static ArchRule unique() {
        return classes()
                .that()
                .areTopLevelClasses()
                .should(new ArchCondition<>("have a simple name no other class has") {
                    private final Map<String, TreeSet<String>> byName = new HashMap<>();

                    @Override
                    public void init(Collection<JavaClass> all) {
                        for (JavaClass c : all) {
                            byName.computeIfAbsent(c.getSimpleName(), n -> new TreeSet<>())
                                    .add(c.getName());
                        }
                    }

                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        List<String> others = byName.get(c.getSimpleName()).stream()
                                .filter(n -> !n.equals(c.getName()))
                                .toList();
                        boolean unique = others.isEmpty();
                        events.add(new SimpleConditionEvent(
                                c, unique, c.getName() + " shares its simple name with " + String.join(", ", others)));
                    }
                })
                .as("top-level classes have a simple name no other class of the project has");
    }
}
