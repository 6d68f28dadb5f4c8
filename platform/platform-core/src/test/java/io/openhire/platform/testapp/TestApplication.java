package io.openhire.platform.testapp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A minimal service built on platform-core, to test what every real service gets from it. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ThingController.class, ThingService.class, ThingListener.class})
public class TestApplication {}
