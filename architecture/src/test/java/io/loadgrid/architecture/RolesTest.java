package io.loadgrid.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.process.Role;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A role names its main class as a string (whoever starts it does not depend on its module): here that name is checked.
 */
class RolesTest {

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleNamesAMainClassThatExists(Role role) throws Exception {
        Method main = Class.forName(role.mainClass()).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
        assertThat(role.readyWhat(role.readyLine("x"))).isEqualTo("x");
    }
}
