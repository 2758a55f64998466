package rnnscratch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rnnscratch.testing.Props;

@DisplayName("The .npy header: a Python dict literal with descr, fortran_order and shape")
class NpyHeaderTest {

    @Test
    @DisplayName("Parsing a formatted header gives back the same descr, order and shape")
    void formatThenParseIsTheIdentity() {
        Props.qt().forAll(NpyGens.shapes()).checkAssert(shape -> {
            var header = new NpyHeader("<f8", false, shape);
            NpyHeader parsed = assertParses(header.format());
            assertThat(parsed.shape()).as("shape written as %s", header.format()).containsExactly(shape);
            assertThat(parsed.descr()).as("descr written as %s", header.format()).isEqualTo("<f8");
        });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }",
        "{'descr':'<f8','fortran_order':False,'shape':(3,4)}",
        "  { 'shape' : ( 3 , 4 , ) , 'descr' : '<f8' , 'fortran_order' : False , }      \n",
        "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (3L, 4L)}",
    })
    @DisplayName("Any spacing, key order, quote style, trailing comma and Python 2 longs are read")
    void headerVariantsAreRead(String text) {
        NpyHeader header = assertParses(text);
        assertThat(header.shape()).as("the shape").containsExactly(3, 4);
        assertThat(header.descr()).as("the descr").isEqualTo("<f8");
        assertThat(header.fortranOrder()).as("fortran_order: False").isFalse();
    }

    @Test
    @DisplayName("(3,) is a vector's shape and () a scalar's")
    void vectorAndScalarShapes() {
        assertThat(assertParses("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }").shape())
                .as("shape (3,)").containsExactly(3);
        assertThat(assertParses("{'descr': '<i8', 'fortran_order': False, 'shape': (), }").shape())
                .as("shape ()").isEmpty();
    }

    @Test
    @DisplayName("fortran_order: True is read as Fortran order, for the loader to refuse")
    void fortranOrderIsRead() {
        assertThat(assertParses("{'descr': '<i8', 'fortran_order': True, 'shape': ( ), }").fortranOrder())
                .as("fortran_order: True").isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "",
        "{",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3)}",
        "{'descr': '<f8', 'fortran_order': False}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'extra': True}",
        "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (3,)}",
        "{'descr': '<f8', 'fortran_order': 0, 'shape': (3,)}",
        "{'descr': <f8, 'fortran_order': False, 'shape': (3,)}",
        "{'descr': '<f8, 'fortran_order': False, 'shape': (3,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (-3,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3,)} trailing",
        "{'descr': True, 'fortran_order': False, 'shape': (3,)}",
    })
    @DisplayName("A header that is not exactly such a dict is refused with a reason")
    void malformedHeadersAreRefused(String text) {
        assertThatThrownBy(() -> NpyHeader.parse(text)).as("the header %s", text).isInstanceOf(BadFileException.class)
                .hasMessageContaining("header");
    }

    private static NpyHeader assertParses(String text) {
        try {
            return NpyHeader.parse(text);
        } catch (BadFileException e) {
            throw new AssertionError("the header " + text + " is valid, but was refused: " + e.getMessage(), e);
        }
    }
}
