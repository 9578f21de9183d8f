package jp.madoguchi.reservation.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The reservation jobs (reminders, no-shows) and the display heartbeat run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReservationConfiguration {
}
