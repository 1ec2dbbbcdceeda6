/**
 * 站内通知: in-app notifications for the signed-in user (an inbox and an unread badge) and the daily reminder job.
 * Other modules send through {@link org.kepu.notification.Notifications}; a module with deadlines registers a
 * {@link org.kepu.notification.ReminderSource} bean, and the job turns its {@link org.kepu.notification.Reminder}s
 * into notifications once each.
 */
package org.kepu.notification;
