/** Test utilities shared by the tests of every module; never a runtime dependency. */
package io.ganglion.testkit;
