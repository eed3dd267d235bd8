package diagnose

// jvmCases are Java/Spring/Keycloak and .NET services.
func jvmCases() []realCase {
	return []realCase{
		{
			name: "spring placeholder in a nested exception", eco: "java",
			pod: app(1, "Error"),
			logs: logOf("2024-08-13 03:09:09.432 ERROR 1 --- [           main] o.s.boot.SpringApplication               : Application startup failed\n\n" +
				"org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'journeySimulator': Injection of autowired dependencies failed; nested exception is java.lang.IllegalArgumentException: Could not resolve placeholder 'fleetman.position.queue' in string value \"${fleetman.position.queue}\"\n" +
				"        at org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor.postProcessPropertyValues(AutowiredAnnotationBeanPostProcessor.java:355) ~[spring-beans-4.3.2.RELEASE.jar!/:4.3.2.RELEASE]\n" +
				"Caused by: java.lang.IllegalArgumentException: Could not resolve placeholder 'fleetman.position.queue' in string value \"${fleetman.position.queue}\"\n" +
				"        at org.springframework.util.PropertyPlaceholderHelper.parseStringValue(PropertyPlaceholderHelper.java:174) ~[spring-core-4.3.2.RELEASE.jar!/:4.3.2.RELEASE]\n        ... 24 common frames omitted\n\n" +
				"2024-08-13 03:09:09.440  INFO 1 --- [           main] o.s.j.e.a.AnnotationMBeanExporter        : Unregistering JMX-exposed beans on shutdown\n"),
			cat: ConfigError, ev: "Could not resolve placeholder 'fleetman.position.queue'",
		},
		{
			name: "spring datasource unknown host deep in the chain", eco: "java",
			pod: app(1, "Error"),
			logs: logOf("2024-03-01T11:57:05.000Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed\n" +
				"org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory' defined in class path resource [org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]: Unable to open JDBC Connection for DDL execution\n" +
				"\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1786)\n" +
				"Caused by: org.hibernate.exception.JDBCConnectionException: Unable to open JDBC Connection for DDL execution\n\tat org.hibernate.exception.internal.SQLStateConversionDelegate.convert(SQLStateConversionDelegate.java:112)\n" +
				"Caused by: com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\n\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\n" +
				"\tat com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:174)\n" +
				"Caused by: java.net.UnknownHostException: mysql-primary: Name or service not known\n\tat java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)\n\t... 60 common frames omitted\n\n" +
				"2024-03-01T11:57:05.100Z  INFO 1 --- [main] o.apache.catalina.core.StandardService   : Stopping service [Tomcat]\n" +
				"2024-03-01T11:57:05.200Z  INFO 1 --- [main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown initiated...\n"),
			cat: DependencyUnavailable, ev: "UnknownHostException: mysql-primary",
		},
		{
			name: "spring keystore file missing", eco: "java",
			pod: app(1, "Error"),
			logs: logOf("2024-03-01 11:57:05.000 ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed\n" +
				"org.springframework.context.ApplicationContextException: Failed to start bean 'webServerStartStop'; nested exception is org.springframework.boot.web.server.WebServerException: Unable to start embedded Tomcat server\n" +
				"Caused by: org.springframework.boot.web.server.WebServerException: Unable to start embedded Tomcat server\n" +
				"Caused by: java.lang.IllegalArgumentException: standardService.connector.startFailed\n" +
				"Caused by: java.io.FileNotFoundException: /etc/certs/keystore.p12 (No such file or directory)\n\tat java.base/java.io.FileInputStream.open0(Native Method)\n"),
			cat: ConfigError, ev: "keystore.p12 (No such file or directory)",
		},
		{
			name: "spring postgres password rejected", eco: "java",
			pod: app(1, "Error"),
			logs: logOf("2024-03-01 11:57:05.000  WARN 1 --- [main] o.h.e.j.e.i.JdbcEnvironmentInitiator : HHH000342: Could not obtain connection to query metadata\n" +
				"org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"orders\"\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)\n" +
				"2024-03-01 11:57:06.000 ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed\n" +
				"org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory': Unable to determine Dialect without JDBC metadata\n"),
			cat: ConfigError, ev: "password authentication failed",
		},
		{
			name: "keycloak strict hostname", eco: "java",
			pod: app(1, "Error"),
			logs: logOf("Updating the configuration and installing your custom providers, if any. Please wait.\n" +
				"2024-02-09 10:00:05,124 INFO  [io.quarkus.deployment.QuarkusAugmentor] (main) Quarkus augmentation completed in 5124ms\n" +
				"ERROR: Unexpected error when starting the server in (production) mode\nERROR: Failed to start quarkus\n" +
				"ERROR: Strict hostname resolution configured but no hostname setting provided\n" +
				"For more details run the same command passing the '--verbose' option. Also you can use '--help' to see the details about the usage of the particular command.\n"),
			cat: ConfigError, ev: "no hostname setting provided",
		},
		{
			name: "keycloak database refused", eco: "java",
			pod: app(1, "Error"),
			logs: logOf("2024-03-01 11:57:01,000 WARN  [io.agroal.pool] (agroal-11) Datasource '<default>': Connection to keycloak-db:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.\n" +
				"2024-03-01 11:57:01,100 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] (main) ERROR: Failed to start server in (production) mode\n" +
				"2024-03-01 11:57:01,100 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] (main) ERROR: Failed to obtain JDBC connection\n" +
				"2024-03-01 11:57:01,100 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] (main) ERROR: Connection to keycloak-db:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.\n" +
				"2024-03-01 11:57:01,100 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] (main) ERROR: Connection refused\n" +
				"2024-03-01 11:57:01,101 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] (main) For more details run the same command passing the '--verbose' option.\n"),
			cat: DependencyUnavailable, ev: "keycloak-db:5432 refused",
		},
		{
			name: "dotnet appsettings.json missing", eco: "dotnet",
			pod: app(134, "Error"),
			logs: logOf("Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.json' was not found and is not optional. The expected physical path was '/app/appsettings.json'.\n" +
				"   at Microsoft.Extensions.Configuration.FileConfigurationProvider.HandleException(ExceptionDispatchInfo info)\n" +
				"   at Microsoft.Extensions.Configuration.FileConfigurationProvider.Load(Boolean reload)\n   at Program.<Main>$(String[] args) in /src/Program.cs:line 3\n   at Program.<Main>(String[] args)\n"),
			cat: ConfigError, ev: "appsettings.json' was not found",
		},
		{
			name: "dotnet kestrel port 80 as non-root", eco: "dotnet",
			pod: app(134, "Error", securityContext(false)),
			logs: logOf("warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]\n      Storing keys in a directory '/home/app/.aspnet/DataProtection-Keys' that may not be persisted outside of the container.\n" +
				"Unhandled exception. System.IO.IOException: Failed to bind to address http://0.0.0.0:80.\n ---> System.Net.Sockets.SocketException (13): Permission denied\n" +
				"   at System.Net.Sockets.Socket.UpdateStatusAfterSocketErrorAndThrowException(SocketError error, String callerName)\n" +
				"   --- End of inner exception stack trace ---\n   at Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Infrastructure.TransportManager.BindAsync(EndPoint endPoint)\n"),
			cat: PermissionDenied, ev: "SocketException (13): Permission denied",
		},
		{
			name: "dotnet null connection string", eco: "dotnet",
			pod: app(134, "Error"),
			logs: logOf("info: Microsoft.Hosting.Lifetime[0]\n      Hosting environment: Production\n" +
				"Unhandled exception. System.ArgumentNullException: Value cannot be null. (Parameter 'connectionString')\n" +
				"   at Npgsql.NpgsqlConnectionStringBuilder..ctor(String connectionString)\n   at Program.<Main>$(String[] args) in /src/Program.cs:line 21\n"),
			cat: ConfigError, ev: "(Parameter 'connectionString')",
		},
		{
			name: "dotnet framework missing in runtime image", eco: "dotnet",
			pod: app(150, "Error"),
			logs: logOf("You must install or update .NET to run this application.\n\nApp: /app/Orders.Api.dll\nArchitecture: x64\n" +
				"Framework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)\n.NET location: /usr/share/dotnet/\n\nNo frameworks were found.\n\n" +
				"Learn about framework resolution:\nhttps://aka.ms/dotnet/app-launch-failed\n"),
			cat: AppCrash, ev: "You must install or update .NET",
		},
	}
}
